use super::*;
use proptest::prelude::*;

fn text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(text).collect()
}

/// The span holding `needle` in `line`.
fn span_with<'a>(line: &'a Line, needle: &str) -> &'a Span<'a> {
    line.spans
        .iter()
        .find(|s| s.content.contains(needle))
        .unwrap_or_else(|| panic!("no span with {needle:?} in {line:?}"))
}

fn color() -> MdStyles {
    MdStyles::new(true)
}

#[test]
fn consecutive_lines_join_into_one_paragraph() {
    let out = render(
        "The pod\nwrites   a story.\n\n\n\nIt is lost.",
        80,
        &color(),
        false,
    );
    assert_eq!(texts(&out), ["The pod writes a story.", "", "It is lost."]);
}

#[test]
fn wrapping_keeps_the_style_on_both_halves() {
    let s = color();
    let out = render("one **bold words here** end", 12, &s, false);
    assert_eq!(texts(&out), ["one bold", "words here", "end"]);
    assert!(out.iter().all(|l| l.width() <= 12));
    let bold = |l: &Line, w: &str| span_with(l, w).style.add_modifier.contains(Modifier::BOLD);
    assert!(bold(&out[0], "bold"));
    assert!(!bold(&out[0], "one"));
    assert!(bold(&out[1], "words"));
    assert!(!bold(&out[2], "end"));
}

#[test]
fn long_words_break_hard() {
    let out = render("abcdefghij", 4, &color(), false);
    assert_eq!(texts(&out), ["abcd", "efgh", "ij"]);
}

#[test]
fn bullets_and_numbers_hang_under_their_text() {
    let text = "- the claim binds\n  to a volume\n* second\n\n12. first step wraps here";
    let out = render(text, 14, &color(), false);
    assert_eq!(
        texts(&out),
        [
            "• the claim",
            "  binds to a",
            "  volume",
            "• second",
            "",
            "12. first step",
            "    wraps here",
        ]
    );
    let ascii = render("- a\n- b", 10, &color(), true);
    assert_eq!(texts(&ascii), ["- a", "- b"]);
    assert_eq!(span_with(&out[0], "•").style, color().bullet);
}

#[test]
fn headings_get_a_blank_line_before_them_unless_first() {
    let s = color();
    let out = render("# Title\nText\n## Next\n#### not a heading", 40, &s, false);
    assert_eq!(
        texts(&out),
        ["Title", "Text", "", "Next", "#### not a heading"]
    );
    let h1 = out[0].spans[0].style;
    assert_eq!(h1.fg, Some(Color::Cyan));
    assert!(
        h1.add_modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert!(
        !out[3].spans[0]
            .style
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    let plain = MdStyles::new(false);
    let out = render("## Next", 40, &plain, false);
    assert_eq!(out[0].spans[0].style.fg, None);
    assert!(out[0].spans[0].style.add_modifier.contains(Modifier::BOLD));
}

#[test]
fn inline_code_drops_its_backticks_only_with_colour() {
    let out = render("run `kubectl get pv` now", 80, &color(), false);
    assert_eq!(texts(&out), ["run kubectl get pv now"]);
    assert_eq!(span_with(&out[0], "kubectl").style.fg, Some(Color::Yellow));

    let plain = MdStyles::new(false);
    let out = render("run `kubectl get pv` now", 80, &plain, false);
    assert_eq!(texts(&out), ["run `kubectl get pv` now"]);
    assert!(out[0].spans.iter().all(|s| s.style.fg.is_none()));
}

#[test]
fn bold_and_italic_lose_their_markers() {
    let out = render(
        "a **strong** and *soft* and _also_ snake_case",
        80,
        &color(),
        false,
    );
    assert_eq!(texts(&out), ["a strong and soft and also snake_case"]);
    let l = &out[0];
    assert!(
        span_with(l, "strong")
            .style
            .add_modifier
            .contains(Modifier::BOLD)
    );
    assert!(
        span_with(l, "soft")
            .style
            .add_modifier
            .contains(Modifier::ITALIC)
    );
    assert!(
        span_with(l, "also")
            .style
            .add_modifier
            .contains(Modifier::ITALIC)
    );
    assert!(
        !span_with(l, "snake")
            .style
            .add_modifier
            .contains(Modifier::ITALIC)
    );
}

#[test]
fn unclosed_markers_stay_literal() {
    let out = render("**never closed and `tick and _under", 80, &color(), false);
    assert_eq!(texts(&out), ["**never closed and `tick and _under"]);
    assert!(out[0].spans.iter().all(|s| s.style == Style::default()));
}

#[test]
fn code_blocks_are_neither_joined_nor_wrapped_nor_parsed() {
    let text = "Apply it:\n```yaml\nkind: Pod\nmetadata:\n  name: **web**\nspec: {containers: [{name: a-very-long-name}]}\n```\nDone.";
    let s = color();
    let out = render(text, 24, &s, false);
    assert_eq!(
        texts(&out),
        [
            "Apply it:",
            "kind: Pod",
            "metadata:",
            "  name: **web**",
            "spec: {containers: [{na…",
            "Done.",
        ]
    );
    assert!(out[1..5].iter().all(|l| l.spans[0].style == s.code_block));
    let ascii = render("```\nabcdefghijkl\n```", 8, &s, true);
    assert_eq!(texts(&ascii), ["abcdefg~"]);
}

#[test]
fn an_unclosed_fence_keeps_its_lines() {
    let out = render("```\na\n\nb", 10, &color(), false);
    assert_eq!(texts(&out), ["a", "", "b"]);
}

#[test]
fn tiny_widths_do_not_panic_and_keep_every_word() {
    assert!(render("hello", 0, &color(), false).is_empty());
    let out = render("- hello", 2, &color(), false);
    let all: String = texts(&out).concat();
    assert!(all.contains('h') && all.contains('o'), "{all:?}");
    let out = render("10. ab", 4, &color(), false);
    assert!(out.iter().all(|l| l.width() <= 4), "{:?}", texts(&out));
}

/// Markdown-flavoured input: markers, list starts, fences and wide characters mixed in.
fn markdownish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("**".to_string()),
        Just("*".to_string()),
        Just("_".to_string()),
        Just("`".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n- ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n```\n".to_string()),
        Just("\n# ".to_string()),
        Just(" ".to_string()),
        Just("漢字".to_string()),
        "[a-z]{1,12}",
        "\\PC{1,8}",
    ];
    prop::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

proptest! {
    #[test]
    fn render_never_panics(text in any::<String>(), width in 0u16..200, color in any::<bool>(), ascii in any::<bool>()) {
        let _ = render(&text, width, &MdStyles::new(color), ascii);
    }

    #[test]
    fn lines_fit_the_width(input in markdownish(), width in 4u16..200, color in any::<bool>(), ascii in any::<bool>()) {
        for line in render(&input, width, &MdStyles::new(color), ascii) {
            prop_assert!(line.width() <= usize::from(width), "{:?} wider than {}", text(&line), width);
        }
    }

    #[test]
    fn plain_words_are_never_lost(words in prop::collection::vec("[a-z]{1,30}", 0..30), width in 4u16..60) {
        let out = render(&words.join(" "), width, &color(), false);
        let joined: String = texts(&out).concat().split_whitespace().collect();
        prop_assert_eq!(joined, words.concat());
    }
}

/// Issue 10: a snippet keeps the columns of the file it is typed into (no margin).
#[test]
fn code_block_lines_keep_the_columns_they_are_written_in() {
    let out = render(
        "```yaml\nspec:\n  containers:\n    - name: story\n```",
        40,
        &color(),
        false,
    );
    assert_eq!(texts(&out), ["spec:", "  containers:", "    - name: story"]);
}

/// Issue 10: goals, options and hints go through the same inline renderer: no raw backtick
/// or asterisk, a hanging indent under the text.
#[test]
fn an_inline_item_renders_code_and_emphasis_and_hangs_under_its_text() {
    let s = color();
    let out = super::inline_item(
        "Hint 1/2: ",
        "run `kubectl get pods` and look at **RESTARTS** closely",
        28,
        Style::default(),
        &s,
    );
    let all: String = texts(&out).join("\n");
    assert!(!all.contains('`') && !all.contains('*'), "{all}");
    assert!(all.starts_with("Hint 1/2: run kubectl get"), "{all}");
    assert!(
        texts(&out)[1..].iter().all(|l| l.starts_with("          ")),
        "{all}"
    );
    assert!(
        out.iter()
            .flat_map(|l| &l.spans)
            .any(|sp| sp.content == "RESTARTS" && sp.style == s.strong)
    );
}

/// Issue 10, from a learner's trial: goal labels in the message line and the log showed raw
/// backticks; they read as the panes draw them.
#[test]
fn plain_text_drops_inline_markers() {
    assert_eq!(
        super::plain("applied as it is, with `type: Directory` and **no** change"),
        "applied as it is, with type: Directory and no change"
    );
    assert_eq!(super::plain("a lone * stays"), "a lone * stays");
}
