//! A remote student's screen: the app drawn by ratatui into bytes instead of a tty. ratatui
//! keeps the last frame and writes only the cells that changed, so an unchanged screen costs
//! nothing on the wire; this file adds the setup and restore sequences a full-screen program
//! owes the client's terminal, and a copy of the last frame for the teacher to watch.

use super::app::App;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use std::io::Write;
use std::sync::{Arc, Mutex};

/// Enter the alternate screen, clear it, hide the cursor, report the mouse (SGR: button
/// presses, the wheel) and bracket pastes: what `ratatui::try_init` and the local shell's
/// `EnableMouseCapture, EnableBracketedPaste` do (xterm ctlseqs).
pub const ENTER: &[u8] =
    b"\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l\x1b[?1000h\x1b[?1002h\x1b[?1006h\x1b[?2004h";

/// The reverse of [`ENTER`]: mouse and bracketed paste off, colours and attributes reset,
/// the cursor shown, the main screen back.
pub const LEAVE: &[u8] = b"\x1b[?2004l\x1b[?1006l\x1b[?1002l\x1b[?1000l\x1b[0m\x1b[?25h\x1b[?1049l";

/// A `Write` whose bytes are taken by the session (shared with the backend that owns it).
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// crossterm's backend writing into a [`Sink`], with the two things it would ask the local
/// tty answered from here instead: the size is the client's (from its pty request and
/// window changes), and the cursor is remembered as it is set (so a frame that moves only
/// the cursor is told from one that changes nothing).
struct RemoteBackend {
    inner: CrosstermBackend<Sink>,
    size: Size,
    /// Where the cursor is shown (`None`: hidden).
    cursor: Option<Position>,
    at: Position,
}

impl Backend for RemoteBackend {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.cursor = None;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.cursor = Some(self.at);
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        Ok(self.at)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.at = position.into();
        if self.cursor.is_some() {
            self.cursor = Some(self.at);
        }
        self.inner.set_cursor_position(self.at)
    }

    fn clear(&mut self) -> std::io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> std::io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One client's screen.
pub struct RemoteScreen {
    terminal: Terminal<RemoteBackend>,
    sink: Sink,
    /// The last frame sent (what the client shows), and where its cursor is (`None`:
    /// hidden).
    shown: Buffer,
    cursor: Option<Position>,
    /// Whether [`ENTER`] was sent.
    entered: bool,
    /// The next frame is sent whole (after a resize), even if it looks the same.
    repaint: bool,
}

impl RemoteScreen {
    /// A screen of this size, nothing sent yet.
    pub fn new(width: u16, height: u16) -> RemoteScreen {
        let sink = Sink::default();
        let size = Size::new(width.max(1), height.max(1));
        let backend = RemoteBackend {
            inner: CrosstermBackend::new(sink.clone()),
            size,
            cursor: None,
            at: Position::ORIGIN,
        };
        // Infallible: the backend's size and cursor are answered from memory.
        let terminal = Terminal::new(backend).expect("a remote backend asks no tty");
        RemoteScreen {
            terminal,
            sink,
            shown: Buffer::empty(Rect::from((Position::ORIGIN, size))),
            cursor: None,
            entered: false,
            repaint: false,
        }
    }

    /// The size the client has now.
    pub fn size(&self) -> (u16, u16) {
        let s = self.terminal.backend().size;
        (s.width, s.height)
    }

    /// The client's window changed size: the next [`Self::draw`] paints it all again.
    pub fn resize(&mut self, width: u16, height: u16) {
        let size = Size::new(width.max(1), height.max(1));
        self.terminal.backend_mut().size = size;
        let _ = self.terminal.autoresize();
        // What ratatui cleared, and the cells it will send, are for a blank screen: make the
        // client's blank whatever it did to its own contents on resizing.
        self.sink.take();
        self.shown = Buffer::empty(Rect::from((Position::ORIGIN, size)));
        self.repaint = self.entered;
        if self.entered {
            let _ = self.sink.clone().write_all(b"\x1b[0m\x1b[2J\x1b[H");
        }
    }

    /// Draws the app; returns the bytes that bring the client's screen up to date, or
    /// `None` when it already shows this (the same cells, the cursor in the same state).
    pub fn draw(&mut self, app: &App) -> Option<Vec<u8>> {
        let first = !self.entered;
        self.entered = true;
        let drawn = self
            .terminal
            .draw(|f| super::render(app, f))
            .map(|frame| frame.buffer.clone());
        let cursor = self.terminal.backend().cursor;
        let changed = match drawn {
            Ok(buffer) => {
                let changed = first
                    || std::mem::take(&mut self.repaint)
                    || buffer != self.shown
                    || cursor != self.cursor;
                self.shown = buffer;
                changed
            }
            Err(_) => false,
        };
        let bytes = self.sink.take();
        if !changed {
            return None;
        }
        self.cursor = cursor;
        let mut out = Vec::with_capacity(bytes.len() + ENTER.len());
        if first {
            out.extend_from_slice(ENTER);
        }
        out.extend(bytes);
        Some(out)
    }

    /// A copy of the last frame sent.
    pub fn mirror(&self) -> Buffer {
        self.shown.clone()
    }

    /// The bytes that give the client its terminal back ([`LEAVE`]), when it was taken.
    pub fn leave(&mut self) -> Vec<u8> {
        self.sink.take();
        if std::mem::take(&mut self.entered) {
            LEAVE.to_vec()
        } else {
            Vec::new()
        }
    }
}
