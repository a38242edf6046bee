//! The `math` module.

use crate::object::*;
use crate::vm::Vm;

use super::{new_module, set_attr};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "math");
    set_attr(vm, m, "pi", Value::Float(std::f64::consts::PI));
    set_attr(vm, m, "e", Value::Float(std::f64::consts::E));
    set_attr(vm, m, "tau", Value::Float(std::f64::consts::TAU));
    set_attr(vm, m, "inf", Value::Float(f64::INFINITY));
    set_attr(vm, m, "nan", Value::Float(f64::NAN));
    Ok(m)
}
