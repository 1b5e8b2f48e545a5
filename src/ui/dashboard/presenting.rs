//! The presentation's side of [`super::update::update`]: a lesson presented from the
//! dashboard (a local app as `kubestory present` runs it), and what the class is sent as it
//! goes: `Follow` at every step change in follow mode, `OwnPace` when it ends, `Reveal` on `v`.

use super::hub::Hub;
use super::state::{Dashboard, View};
use super::strings;
use crate::class::live::Directive;

/// A local app presenting lesson `id`, as `kubestory present --lesson ID` builds it, without a
/// state folder (the presentation writes nothing).
pub fn start_presenting(d: &Dashboard, id: &str) -> color_eyre::Result<crate::ui::App> {
    let o = &d.options;
    let mut app = crate::ui::terminal::prepare(
        crate::ui::Options {
            ascii: o.ascii,
            color: o.color,
            theme: o.present_theme,
            library: o.lessons.clone(),
            lesson: Some(id.to_string()),
            present: true,
            ..crate::ui::Options::default()
        },
        None,
    )?;
    app.size = d.size;
    // Nothing to publish: there is no notes terminal behind the dashboard.
    app.effects.clear();
    Ok(app)
}

/// `f`: follow mode on (everyone is moved to the presenter's step now, and at every change)
/// or off (everyone works at their own pace again).
pub fn toggle_follow(d: &mut Dashboard, hub: &dyn Hub) {
    let Some(p) = d.presenter.as_mut() else {
        d.message = Some(strings::PRESENT_FIRST.into());
        return;
    };
    p.follow = !p.follow;
    p.followed = None;
    if p.follow {
        follow_now(d, hub);
        d.message = Some(strings::FOLLOW_ON.into());
    } else {
        hub.send(None, Directive::OwnPace);
        d.message = Some(strings::FOLLOW_OFF.into());
    }
}

/// In follow mode, sends `Follow` when the presenter's (lesson, step) is not the one sent
/// last (the recap is not a step: nothing is sent for it).
pub fn follow_now(d: &mut Dashboard, hub: &dyn Hub) {
    let now = d.presented();
    let Some(p) = d.presenter.as_mut() else {
        return;
    };
    if !p.follow {
        return;
    }
    if let Some((lesson, step)) = now
        && p.followed.as_ref() != Some(&(lesson.clone(), step))
    {
        p.followed = Some((lesson.clone(), step));
        hub.send(None, Directive::Follow { lesson, step });
    }
}

/// A key for the presented app: applied to it, then the class is told what changed (the
/// presenter's step in follow mode; the answer revealed by `v`). `q` in the presentation
/// ends it (the students keep working; follow mode ends with it).
pub fn present_action(d: &mut Dashboard, hub: &dyn Hub, a: crate::ui::Action) {
    let Some(p) = d.presenter.as_mut() else {
        return;
    };
    let reveal = matches!(a, crate::ui::Action::PresentRevealAnswer);
    crate::ui::update(&mut p.app, a);
    // Nothing to publish: there is no notes terminal behind the dashboard. (Ctrl-Z and
    // `$EDITOR` are the shell's: see `super::shell`.)
    p.app
        .effects
        .retain(|e| !matches!(e, crate::ui::app::Effect::PublishPresent(_)));
    if p.app.quit {
        let follow = p.follow;
        d.presenter = None;
        d.view = View::Table;
        if follow {
            hub.send(None, Directive::OwnPace);
        }
        d.message = Some(strings::PRESENT_ENDED.into());
        return;
    }
    follow_now(d, hub);
    if reveal && let Some((lesson, step, _)) = d.presented_vote() {
        hub.send(None, Directive::Reveal { lesson, step });
    }
}
