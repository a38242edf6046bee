//! Superinstructions: after a code object is finished, the first op of some
//! common pairs is replaced by one op doing both, which saves a dispatch.
//!
//! The second op of each pair stays where it was, so jump targets, line
//! numbers, inline-cache indices and resume points are unchanged: entering
//! at the first op runs the fused form (which skips the second), entering at
//! the second runs it alone. Patterns are matched on the original ops, so
//! overlapping pairs fuse independently.

use crate::bytecode::op::Op;

pub(crate) fn fuse(ops: &mut [Op]) {
    let orig = ops.to_vec();
    for (i, pair) in orig.windows(2).enumerate() {
        let fused = match (pair[0], pair[1]) {
            (Op::LoadFast(a), Op::LoadFast(b)) => {
                small(a, b).map(|(a, b)| Op::LoadFastLoadFast(a, b))
            }
            (Op::LoadFast(a), Op::LoadConst(c)) => {
                small(a, c).map(|(a, c)| Op::LoadFastLoadConst(a, c))
            }
            (Op::CompareOp(k), Op::PopJumpIfFalse(t)) => Some(Op::CompareJumpIfFalse(k, t)),
            (Op::CompareOp(k), Op::PopJumpIfTrue(t)) => Some(Op::CompareJumpIfTrue(k, t)),
            _ => None,
        };
        if let Some(f) = fused {
            ops[i] = f;
        }
    }
}

fn small(a: u32, b: u32) -> Option<(u16, u16)> {
    Some((u16::try_from(a).ok()?, u16::try_from(b).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::op::CmpKind;

    #[test]
    fn fuses_pairs_and_keeps_second_ops() {
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadFast(1),
            Op::LoadConst(2),
            Op::CompareOp(CmpKind::Lt),
            Op::PopJumpIfFalse(0),
            Op::LoadFast(70000),
            Op::LoadFast(1),
        ];
        fuse(&mut ops);
        assert_eq!(
            ops,
            vec![
                Op::LoadFastLoadFast(0, 1),
                Op::LoadFastLoadConst(1, 2),
                Op::LoadConst(2),
                Op::CompareJumpIfFalse(CmpKind::Lt, 0),
                Op::PopJumpIfFalse(0),
                Op::LoadFast(70000),
                Op::LoadFast(1),
            ]
        );
    }
}
