//! The teacher's dashboard (`ui::dashboard`) reads the class through its `Hub` trait: this is
//! the server's side of it, a thin pass-through to [`Hub`].

use super::hub::Hub;
use crate::class::live::{Directive, StudentStatus, Tally};
use crate::ui::mirror::Mirror;

impl crate::ui::dashboard::hub::Hub for Hub {
    fn students(&self) -> Vec<StudentStatus> {
        Hub::students(self)
    }
    fn now_ms(&self) -> u64 {
        Hub::now_ms(self)
    }
    fn send(&self, to: Option<&str>, d: Directive) {
        Hub::send(self, to, d)
    }
    fn watch(&self, student: Option<&str>) {
        Hub::watch(self, student)
    }
    fn mirror(&self) -> Option<Mirror> {
        Hub::mirror(self)
    }
    fn tally(&self, lesson: &str, step: &str, options: usize) -> Tally {
        Hub::tally(self, lesson, step, options)
    }
    fn banner(&self) -> Vec<String> {
        Hub::banner(self)
    }
    fn changed(&self) -> u64 {
        Hub::changed(self)
    }
}
