//! Shared data compared by identity.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` that compares equal only to itself: one dataset, graph or
/// outcome is one value, so props, contexts and memo dependencies never
/// compare thousands of events field by field. It reads as the value it
/// holds.
pub struct ByPtr<T>(pub Rc<T>);

impl<T> ByPtr<T> {
    pub fn new(value: T) -> Self {
        ByPtr(Rc::new(value))
    }
}

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for ByPtr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for ByPtr<T> {
    fn from(rc: Rc<T>) -> Self {
        ByPtr(rc)
    }
}
