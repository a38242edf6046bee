//! Codegen for `match` statements.

use crate::diag::SyntaxError;
use crate::syntax::ast::{Expr, MatchCase};

use super::Compiler;

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(
        &mut self,
        subject: &'a Expr,
        _cases: &'a [MatchCase],
    ) -> Result<(), SyntaxError> {
        Err(SyntaxError::syntax(
            "match is not supported yet",
            subject.span,
        ))
    }
}
