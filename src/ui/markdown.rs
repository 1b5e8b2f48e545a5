//! STUB (replaced by the helper's module on merge).
#![allow(missing_docs, dead_code)]
use ratatui::style::Style;
use ratatui::text::Line;
pub struct MdStyles {
    pub normal: Style,
}
impl MdStyles {
    pub fn new(_color: bool) -> MdStyles {
        MdStyles {
            normal: Style::default(),
        }
    }
}
pub fn render(text: &str, _width: u16, _styles: &MdStyles, _ascii: bool) -> Vec<Line<'static>> {
    text.lines().map(|l| Line::from(l.to_string())).collect()
}
