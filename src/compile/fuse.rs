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
    let triple_at = |i: usize| -> Option<Op> {
        // Four-op compare-and-branch forms first (they also start a triple).
        if let Some([Op::LoadFast(a), second, Op::CompareOp(kind), Op::PopJumpIfFalse(t)]) =
            orig.get(i..i + 4)
        {
            let (kind, t) = (*kind, *t);
            let a = u8::try_from(*a).ok();
            let fused = match second {
                Op::LoadFast(b) => a
                    .zip(u8::try_from(*b).ok())
                    .map(|(a, b)| Op::CmpLocalsJump { kind, a, b, t }),
                Op::LoadConst(c) => a
                    .zip(u8::try_from(*c).ok())
                    .map(|(a, c)| Op::CmpLocalConstJump { kind, a, c, t }),
                _ => None,
            };
            if fused.is_some() {
                return fused;
            }
        }
        match orig.get(i..i + 3)? {
            [Op::LoadFast(a), Op::LoadFast(b), Op::BinarySubscr] => {
                small(*a, *b).map(|(a, b)| Op::SubscrLocals(a, b))
            }
            [Op::LoadFast(a), Op::LoadFast(b), Op::BinaryOp(k)] => {
                small(*a, *b).map(|(a, b)| Op::BinaryOpLocals(*k, a, b))
            }
            [Op::LoadFast(a), Op::LoadConst(c), Op::BinaryOp(k)] => {
                small(*a, *c).map(|(a, c)| Op::BinaryOpLocalConst(*k, a, c))
            }
            [Op::InplaceOp(k), Op::RotThree, Op::StoreSubscr] => Some(Op::InplaceStoreSubscr(*k)),
            _ => None,
        }
    };
    for (i, pair) in orig.windows(2).enumerate() {
        if let Some(t) = triple_at(i) {
            ops[i] = t;
            continue;
        }
        // A pair ending where a triple starts would swallow the triple's
        // first op: leave it, so execution reaches the triple.
        if triple_at(i + 1).is_some() {
            continue;
        }
        let fused = match (pair[0], pair[1]) {
            (Op::LoadFast(a), Op::LoadFast(b)) => {
                small(a, b).map(|(a, b)| Op::LoadFastLoadFast(a, b))
            }
            (Op::LoadFast(a), Op::LoadConst(c)) => {
                small(a, c).map(|(a, c)| Op::LoadFastLoadConst(a, c))
            }
            (Op::LoadFast(a), Op::LoadAttr(n)) => small(a, n).map(|(a, n)| Op::LoadFastAttr(a, n)),
            (Op::LoadFast(a), Op::LoadMethod(n)) => {
                small(a, n).map(|(a, n)| Op::LoadFastMethod(a, n))
            }
            (Op::DupTop2, Op::BinarySubscr) => Some(Op::DupTop2Subscr),
            (Op::CompareOp(k), Op::PopJumpIfFalse(t)) => Some(Op::CompareJumpIfFalse(k, t)),
            (Op::CompareOp(k), Op::PopJumpIfTrue(t)) => Some(Op::CompareJumpIfTrue(k, t)),
            (Op::LoadFast(x), Op::ReturnValue) => u16::try_from(x).ok().map(Op::ReturnLocal),
            (Op::ForIter(t), Op::StoreFast(x)) => {
                u16::try_from(x).ok().map(|x| Op::ForIterStore(t, x))
            }
            (Op::BinaryOp(k), Op::StoreFast(x)) => {
                u16::try_from(x).ok().map(|x| Op::BinaryOpStoreFast(k, x))
            }
            (Op::InplaceOp(k), Op::StoreFast(x)) => {
                u16::try_from(x).ok().map(|x| Op::InplaceOpStoreFast(k, x))
            }
            _ => None,
        };
        if let Some(f) = fused {
            ops[i] = f;
        }
    }
    // Loop back edges: after the pairs, so the target may be a ForIterStore.
    for i in 0..ops.len() {
        if let Op::Jump(t) = ops[i] {
            if matches!(
                ops.get(t as usize),
                Some(Op::ForIter(_) | Op::ForIterStore(..))
            ) {
                ops[i] = Op::JumpForIter(t);
            }
        }
    }
}

fn small(a: u32, b: u32) -> Option<(u16, u16)> {
    Some((u16::try_from(a).ok()?, u16::try_from(b).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::op::{BinOpKind, CmpKind};

    #[test]
    fn a_triple_wins_over_the_pair_before_it() {
        // xi - px[j]; dx = ...
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadFast(1),
            Op::LoadFast(2),
            Op::BinarySubscr,
            Op::BinaryOp(BinOpKind::Sub),
            Op::StoreFast(3),
        ];
        fuse(&mut ops);
        assert_eq!(
            ops,
            vec![
                Op::LoadFast(0),
                Op::SubscrLocals(1, 2),
                Op::LoadFast(2),
                Op::BinarySubscr,
                Op::BinaryOpStoreFast(BinOpKind::Sub, 3),
                Op::StoreFast(3),
            ]
        );
    }

    #[test]
    fn arithmetic_triples_on_locals_and_constants() {
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadFast(1),
            Op::BinaryOp(BinOpKind::Mul),
            Op::LoadFast(2),
            Op::LoadConst(0),
            Op::BinaryOp(BinOpKind::Add),
        ];
        fuse(&mut ops);
        assert_eq!(ops[0], Op::BinaryOpLocals(BinOpKind::Mul, 0, 1));
        assert_eq!(ops[3], Op::BinaryOpLocalConst(BinOpKind::Add, 2, 0));
        // The ops after each fused one stay for jumps into the middle.
        assert_eq!(ops[2], Op::BinaryOp(BinOpKind::Mul));
        assert_eq!(ops[4], Op::LoadConst(0));
    }

    #[test]
    fn compare_and_branch_on_locals_is_one_op() {
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadConst(1),
            Op::CompareOp(CmpKind::Lt),
            Op::PopJumpIfFalse(9),
            Op::LoadFast(300),
            Op::LoadFast(1),
            Op::CompareOp(CmpKind::Lt),
            Op::PopJumpIfFalse(9),
        ];
        fuse(&mut ops);
        assert_eq!(
            ops[0],
            Op::CmpLocalConstJump {
                kind: CmpKind::Lt,
                a: 0,
                c: 1,
                t: 9
            }
        );
        // Local 300 does not fit the four-op form: the pair form is used.
        assert_eq!(ops[4], Op::LoadFastLoadFast(300, 1));
        assert_eq!(ops[2], Op::CompareJumpIfFalse(CmpKind::Lt, 9));
    }

    #[test]
    fn fuses_pairs_and_keeps_second_ops() {
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadFast(1),
            Op::LoadConst(2),
            Op::CompareOp(CmpKind::Lt),
            Op::PopJumpIfTrue(0),
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
                Op::CompareJumpIfTrue(CmpKind::Lt, 0),
                Op::PopJumpIfTrue(0),
                Op::LoadFast(70000),
                Op::LoadFast(1),
            ]
        );
    }

    #[test]
    fn fuses_attribute_and_method_loads_of_a_local() {
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadAttr(3),
            Op::LoadFast(1),
            Op::LoadMethod(4),
            Op::CallMethod(0),
            Op::LoadFast(2),
            Op::LoadAttr(70000),
        ];
        fuse(&mut ops);
        assert_eq!(ops[0], Op::LoadFastAttr(0, 3));
        assert_eq!(ops[1], Op::LoadAttr(3));
        assert_eq!(ops[2], Op::LoadFastMethod(1, 4));
        assert_eq!(ops[3], Op::LoadMethod(4));
        // A name index past u16 stays unfused.
        assert_eq!(ops[5], Op::LoadFast(2));
    }

    #[test]
    fn loop_back_edges_jump_into_their_for_iter() {
        let mut ops = vec![
            Op::GetIter,
            Op::ForIter(5),
            Op::StoreFast(0),
            Op::Jump(1),
            Op::Jump(0),
            Op::LoadConst(0),
            Op::ReturnValue,
        ];
        fuse(&mut ops);
        assert_eq!(ops[1], Op::ForIterStore(5, 0));
        assert_eq!(ops[3], Op::JumpForIter(1));
        // Other jumps stay plain.
        assert_eq!(ops[4], Op::Jump(0));
    }

    #[test]
    fn fuses_augmented_subscript_assignment() {
        use crate::bytecode::op::BinOpKind;
        let mut ops = vec![
            Op::LoadFastLoadFast(0, 1),
            Op::DupTop2,
            Op::BinarySubscr,
            Op::LoadFast(2),
            Op::InplaceOp(BinOpKind::Add),
            Op::RotThree,
            Op::StoreSubscr,
        ];
        fuse(&mut ops);
        assert_eq!(ops[1], Op::DupTop2Subscr);
        assert_eq!(ops[2], Op::BinarySubscr);
        assert_eq!(ops[4], Op::InplaceStoreSubscr(BinOpKind::Add));
        assert_eq!(&ops[5..], &[Op::RotThree, Op::StoreSubscr]);
    }
}
