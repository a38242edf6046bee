//! Stack-depth analysis from the stack effects documented in `bytecode::op`.
//!
//! Walks every reachable path, tracking the operand depth and the handler
//! blocks pushed by `SetupExcept`. It checks that the depth never goes
//! negative, that every instruction is reached with one consistent depth and
//! block stack, that inside a handler block the stack never drops below the
//! depth the handler will cut back to, and that `ReturnValue` leaves no block
//! and exactly the returned value on the stack. It returns the maximum depth.

use crate::bytecode::{CodeObject, Op};

/// Depth change of `op` when it falls through (`jump == false`) or jumps.
pub fn stack_effect(op: Op, jump: bool) -> i32 {
    use Op::*;
    match op {
        Nop | RotTwo | RotThree | RotFour | Swap(_) | DeleteFast(_) | DeleteDeref(_)
        | DeleteGlobal(_) | DeleteName(_) | LoadAttr(_) | UnaryOp(_) | Jump(_) | JumpForIter(_)
        | GetIter | ListToTuple | SetupExcept(_) | PopBlock | CheckExcMatch | CheckEgMatch
        | YieldValue | GetYieldFromIter | GetAwaitable | GetAIter | CopyDictWithoutKeys
        | SetupAnnotations => 0,
        Pop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_)
        | BinarySubscr | BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_)
        | PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_)
        | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
        | DictMerge(_) | ReturnValue | PopExcept | Reraise | PrepReraiseStar | YieldFrom
        | ImportName(_) | ImportStar | PrintExpr => -1,
        DupTop | Copy(_) | LoadConst(_) | LoadFast(_) | LoadFastInplace(_) | LoadDeref(_)
        | LoadClosure(_) | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_) | LoadMethod(_)
        | PushExcInfo | LoadAssertionError | GetANext | ImportFrom(_) | GetLen | MatchMapping
        | MatchSequence | MatchKeys => 1,
        DupTop2 | LoadFastLoadFast(..) | LoadFastLoadConst(..) | LoadFastMethod(..) => 2,
        BeforeWith | BeforeAsyncWith => 2,
        WithExceptStart => 4,
        LoadFastAttr(..) | DupTop2Subscr => 1,
        InplaceStoreSubscr(_) => -4,
        SubscrLocals(..) | BinaryOpLocals(..) | BinaryOpLocalConst(..) => 1,
        CmpLocalsJump { .. } | CmpLocalConstJump { .. } => 0,
        ReturnLocal(_) => 1,
        BinaryOpStoreFast(..) | InplaceOpStoreFast(..) => -2,
        CompareJumpIfFalse(..) | CompareJumpIfTrue(..) => -2,
        StoreAttr(_) | DeleteSubscr | MapAdd(_) | EndAsyncFor | MatchClass(_) => -2,
        StoreSubscr => -3,
        BuildSlice(n) | BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        FormatValue { has_spec, .. } => -(has_spec as i32),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        ForIterStore(..) => {
            if jump {
                -1
            } else {
                0
            }
        }
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx { before, after } => before as i32 + after as i32,
        MakeFunction(f) => -(f.count_ones() as i32),
        Call(n) => -(n as i32),
        CallKw(n) | CallMethod(n) => -(n as i32) - 1,
        CallEx(kw) => -1 - kw as i32,
        BuildClass { nargs, has_kw } => -(1 + nargs as i32 + has_kw as i32),
        RaiseVarargs(n) => -(n as i32),
    }
}

fn is_terminal(op: Op) -> bool {
    matches!(
        op,
        Op::Jump(_)
            | Op::JumpForIter(_)
            | Op::ReturnValue
            | Op::ReturnLocal(_)
            | Op::Reraise
            | Op::RaiseVarargs(_)
    )
}

#[derive(Clone, PartialEq, Debug)]
struct State {
    depth: i32,
    /// (handler target, depth at setup) of the active handler blocks.
    blocks: Vec<(u32, i32)>,
}

/// Verify the stack discipline of one code object (not nested ones) and
/// return its maximum operand depth.
pub fn verify(code: &CodeObject) -> Result<u32, String> {
    let n = code.ops.len();
    let mut states: Vec<Option<State>> = vec![None; n];
    let mut work = vec![0usize];
    let mut max = 0i32;
    if n == 0 {
        return Ok(0);
    }
    states[0] = Some(State {
        depth: 0,
        blocks: Vec::new(),
    });
    let err =
        |ip: usize, msg: String| format!("{}: ip {ip} ({:?}): {msg}", code.qualname, code.ops[ip]);
    let flow = |states: &mut Vec<Option<State>>,
                work: &mut Vec<usize>,
                from: usize,
                to: usize,
                st: State|
     -> Result<(), String> {
        if to >= n {
            return Err(err(from, format!("target {to} out of range")));
        }
        match &states[to] {
            Some(old) if *old != st => Err(err(
                from,
                format!("inconsistent state at {to}: {old:?} vs {st:?}"),
            )),
            Some(_) => Ok(()),
            None => {
                states[to] = Some(st);
                work.push(to);
                Ok(())
            }
        }
    };
    while let Some(ip) = work.pop() {
        let st = states[ip].clone().expect("queued state");
        let op = code.ops[ip];
        if let Some(&(_, d)) = st.blocks.last() {
            if st.depth < d {
                return Err(err(
                    ip,
                    format!("depth {} below handler depth {d}", st.depth),
                ));
            }
        }
        max = max.max(st.depth);
        let fall = st.depth + stack_effect(op, false);
        if fall < 0 {
            return Err(err(ip, "stack underflow".into()));
        }
        max = max.max(fall);
        match op {
            Op::ReturnValue | Op::ReturnLocal(_) => {
                let want = if op == Op::ReturnValue { 1 } else { 0 };
                if st.depth != want || !st.blocks.is_empty() {
                    return Err(err(
                        ip,
                        format!(
                            "return with depth {} and {} blocks",
                            st.depth,
                            st.blocks.len()
                        ),
                    ));
                }
                continue;
            }
            Op::SetupExcept(t) => {
                let mut outer = st.blocks.clone();
                let h = State {
                    depth: st.depth + 1,
                    blocks: outer.clone(),
                };
                max = max.max(st.depth + 1);
                flow(&mut states, &mut work, ip, t as usize, h)?;
                outer.push((t, st.depth));
                flow(
                    &mut states,
                    &mut work,
                    ip,
                    ip + 1,
                    State {
                        depth: fall,
                        blocks: outer,
                    },
                )?;
                continue;
            }
            Op::PopBlock => {
                let mut b = st.blocks.clone();
                if b.pop().is_none() {
                    return Err(err(ip, "PopBlock without a block".into()));
                }
                flow(
                    &mut states,
                    &mut work,
                    ip,
                    ip + 1,
                    State {
                        depth: fall,
                        blocks: b,
                    },
                )?;
                continue;
            }
            _ => {}
        }
        if let Some(t) = op.jump_target() {
            let jd = st.depth + stack_effect(op, true);
            if jd < 0 {
                return Err(err(ip, "stack underflow on jump".into()));
            }
            flow(
                &mut states,
                &mut work,
                ip,
                t as usize,
                State {
                    depth: jd,
                    blocks: st.blocks.clone(),
                },
            )?;
        }
        if !is_terminal(op) {
            flow(
                &mut states,
                &mut work,
                ip,
                ip + op.width(),
                State {
                    depth: fall,
                    blocks: st.blocks,
                },
            )?;
        }
    }
    Ok(max as u32)
}
