//! The real student screen: `ui::remote_session::RemoteSession` behind the server's
//! [`Screen`] trait, made with the lessons the server offers.

use super::screen::{Screen, ScreenFactory, ScreenSetup};
use crate::class::live::{ClassEvent, Directive, StudentStatus};
use crate::ui::mirror::Mirror;
use crate::ui::remote_session::{RemoteSession, SessionSetup};
use std::sync::Arc;
use std::time::Duration;

/// Makes each student's kubestory over these lessons (each student gets their own copy).
pub fn factory(lessons: Vec<crate::lesson::LibraryLesson>, problems: Vec<String>) -> ScreenFactory {
    Arc::new(move |setup: ScreenSetup| {
        let [lc_all, lc_ctype, lang] = &setup.locale;
        let ascii = crate::ui::remote_term::ascii(
            &setup.term,
            lc_all.as_deref(),
            lc_ctype.as_deref(),
            lang.as_deref(),
        );
        Box::new(RemoteSession::new(SessionSetup {
            student: setup.student,
            width: setup.width,
            height: setup.height,
            term: setup.term,
            no_color: setup.no_color,
            ascii,
            state_dir: setup.state_dir,
            lessons: lessons.clone(),
            problems: problems.clone(),
            now_ms: setup.now_ms,
        })) as Box<dyn Screen>
    })
}

impl Screen for RemoteSession {
    fn input(&mut self, bytes: &[u8], now_ms: u64) {
        RemoteSession::input(self, bytes, now_ms)
    }
    fn resize(&mut self, width: u16, height: u16) {
        RemoteSession::resize(self, width, height)
    }
    fn directive(&mut self, directive: Directive, now_ms: u64) {
        RemoteSession::directive(self, directive, now_ms)
    }
    fn wake_in(&self, now_ms: u64) -> Option<Duration> {
        RemoteSession::wake_in(self, now_ms)
    }
    fn poll(&mut self, now_ms: u64) {
        RemoteSession::poll(self, now_ms)
    }
    fn frame(&mut self) -> Option<Vec<u8>> {
        RemoteSession::frame(self)
    }
    fn status(&self, now_ms: u64) -> StudentStatus {
        RemoteSession::status(self, now_ms)
    }
    fn take_events(&mut self) -> Vec<ClassEvent> {
        RemoteSession::take_events(self)
    }
    fn ended(&self) -> bool {
        RemoteSession::ended(self)
    }
    fn goodbye(&mut self) -> Vec<u8> {
        RemoteSession::goodbye(self)
    }
    fn mirror(&self) -> Option<Mirror> {
        Some(RemoteSession::mirror(self))
    }
}
