//! Carrying link-only changes of the source into a translation: a new URL,
//! inline code or number replaces the old one in the translated segment.
//!
//! Pure: no I/O. Invariant: a value is carried only when the translation
//! holds the old value exactly as often as the old source did, so the
//! replacement cannot hit the wrong place; anything else is reported as
//! ambiguous and the translation is left alone.

use std::ops::Range;

use super::edit::segment_value;
use crate::segment::Segment;

/// The outcome of carrying a source change into a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carry {
    /// The changes were made; `text` is the translated segment's new value
    /// (give it to [`apply_edits`](super::apply_edits)), `changes` the
    /// `(old, new)` values replaced.
    Applied {
        text: String,
        changes: Vec<(String, String)>,
    },
    /// The change cannot be carried safely; the translator must look.
    Ambiguous { reason: CarryIssue },
    /// No URL, code or number differs, or the translation already has the
    /// new values.
    Nothing,
}

/// Why a change was not carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarryIssue {
    /// Values of this kind were added or removed, so old and new cannot be
    /// paired by position.
    CountChanged {
        kind: InvariantKind,
        old: usize,
        new: usize,
    },
    /// The same old value becomes different things at different places.
    Conflicting { kind: InvariantKind, value: String },
    /// The translation does not hold the old value (nor the new one).
    NotFound { kind: InvariantKind, value: String },
    /// The translation holds the old value a different number of times
    /// than the source did.
    Repeated {
        kind: InvariantKind,
        value: String,
        count: usize,
    },
    /// The translated segment is not at its place in the target text.
    Outdated,
}

/// The kinds of values that are carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvariantKind {
    /// A link destination (in-page `#anchors` excepted: see
    /// [`localize_anchors`](super::localize_anchors)).
    Url,
    /// An inline code span.
    Code,
    /// A number, version or numeric date.
    Number,
}

/// Carries the URL, code and number changes from `old_source` to
/// `new_source` into the translated segment `target_seg` of `target_text`.
///
/// Values are paired by position within each kind; when a kind has a
/// different count in the old and new source, the change is ambiguous. An
/// old value is replaced where it occurs in the translation as a link
/// destination (`](old)`, `<old>`), a code span (`` `old` ``) or a whole
/// number token, provided it occurs there as many times as in the old source.
/// The returned text is the segment's value, not the whole file.
pub fn carry(
    old_source: &Segment,
    new_source: &Segment,
    target_text: &str,
    target_seg: &Segment,
) -> Carry {
    if target_text.get(target_seg.bytes.clone()) != Some(target_seg.text.as_str()) {
        return Carry::Ambiguous {
            reason: CarryIssue::Outdated,
        };
    }
    let value = segment_value(target_text, target_seg);
    let (old, new) = (&old_source.invariants, &new_source.invariants);
    let not_anchor = |u: &&String| !u.starts_with('#');
    let kinds = [
        (
            InvariantKind::Url,
            old.urls.iter().filter(not_anchor).collect::<Vec<_>>(),
            new.urls.iter().filter(not_anchor).collect::<Vec<_>>(),
        ),
        (
            InvariantKind::Code,
            old.code.iter().collect(),
            new.code.iter().collect(),
        ),
        (
            InvariantKind::Number,
            old.numbers.iter().collect(),
            new.numbers.iter().collect(),
        ),
    ];
    let mut plan: Vec<(Range<usize>, String)> = Vec::new();
    let mut changes = Vec::new();
    for (kind, old_list, new_list) in kinds {
        if old_list == new_list {
            continue;
        }
        if old_list.len() != new_list.len() {
            return Carry::Ambiguous {
                reason: CarryIssue::CountChanged {
                    kind,
                    old: old_list.len(),
                    new: new_list.len(),
                },
            };
        }
        // Group the changed pairs by old value; `count` is how often the old
        // value occurs in the old source.
        let mut pairs: Vec<(&str, &str, usize)> = Vec::new();
        for (o, n) in old_list.iter().zip(&new_list) {
            if o == n {
                continue;
            }
            match pairs.iter().find(|(po, ..)| po == o) {
                Some((_, pn, _)) if pn != n => {
                    return Carry::Ambiguous {
                        reason: CarryIssue::Conflicting {
                            kind,
                            value: (*o).clone(),
                        },
                    };
                }
                Some(_) => {}
                None => {
                    let count = old_list.iter().filter(|x| x == &o).count();
                    pairs.push((o.as_str(), n.as_str(), count));
                }
            }
        }
        // A value the translation already has by hand while another of
        // the same change is still the old one: the translation follows
        // other text (a date of its own whose day happens to be the new
        // one), and half a change is not carried.
        let mut by_hand: Option<&str> = None;
        let mut to_carry = false;
        for (o, n, count) in pairs {
            if new_list.iter().any(|x| x.as_str() == o) {
                // The old value also stays somewhere: the places cannot be told apart.
                return Carry::Ambiguous {
                    reason: CarryIssue::Conflicting {
                        kind,
                        value: o.to_owned(),
                    },
                };
            }
            let found = occurrences(kind, &value, o);
            if found.len() == count {
                plan.extend(found.into_iter().map(|r| (r, n.to_owned())));
                changes.push((o.to_owned(), n.to_owned()));
                to_carry = true;
            } else if found.is_empty() && occurrences(kind, &value, n).len() >= count {
                // Already carried by hand.
                by_hand = by_hand.or(Some(o));
            } else if found.is_empty() {
                return Carry::Ambiguous {
                    reason: CarryIssue::NotFound {
                        kind,
                        value: o.to_owned(),
                    },
                };
            } else {
                return Carry::Ambiguous {
                    reason: CarryIssue::Repeated {
                        kind,
                        value: o.to_owned(),
                        count: found.len(),
                    },
                };
            }
        }
        if let (Some(o), true) = (by_hand, to_carry) {
            return Carry::Ambiguous {
                reason: CarryIssue::NotFound {
                    kind,
                    value: o.to_owned(),
                },
            };
        }
    }
    if plan.is_empty() {
        return Carry::Nothing;
    }
    plan.sort_by_key(|(r, _)| r.start);
    if plan.windows(2).any(|w| w[0].0.end > w[1].0.start) {
        return Carry::Ambiguous {
            reason: CarryIssue::Conflicting {
                kind: InvariantKind::Url,
                value: changes.first().map(|(o, _)| o.clone()).unwrap_or_default(),
            },
        };
    }
    let mut text = String::with_capacity(value.len() + 16);
    let mut pos = 0;
    for (r, n) in plan {
        text.push_str(&value[pos..r.start]);
        text.push_str(&n);
        pos = r.end;
    }
    text.push_str(&value[pos..]);
    Carry::Applied { text, changes }
}

/// Returns the byte ranges where `needle` occurs in `text` as a value of `kind`.
pub(super) fn occurrences(kind: InvariantKind, text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    match kind {
        InvariantKind::Url => text
            .match_indices(needle)
            .map(|(i, _)| i..i + needle.len())
            .filter(|r| {
                let (before, after) = (&text[..r.start], &text[r.end..]);
                (before.ends_with("](") && (after.starts_with(')') || after.starts_with(' ')))
                    || (before.ends_with("](<") && after.starts_with(">)"))
                    || (before.ends_with('<') && !before.ends_with("](<") && after.starts_with('>'))
            })
            .collect(),
        InvariantKind::Code => text
            .match_indices(needle)
            .map(|(i, _)| i..i + needle.len())
            .filter(|r| {
                let (before, after) = (&text[..r.start], &text[r.end..]);
                (before.ends_with('`') && after.starts_with('`'))
                    || (before.ends_with("`` ") && after.starts_with(" ``"))
            })
            .collect(),
        InvariantKind::Number => number_tokens(text)
            .into_iter()
            .filter(|r| &text[r.clone()] == needle)
            .collect(),
    }
}

/// Returns the number tokens of prose text, as the segmenter finds them:
/// digits joined by `.`, `,`, `:`, `/` or `-`. Link destinations, code spans,
/// autolinks, HTML tags and shortcodes are not prose and are skipped.
fn number_tokens(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let skip_to = |open: &str, close: &str| -> Option<usize> {
            if text.get(i..)?.starts_with(open) {
                text[i + open.len()..]
                    .find(close)
                    .map(|e| i + open.len() + e + close.len())
            } else {
                None
            }
        };
        if let Some(end) = skip_to("](", ")")
            .or_else(|| skip_to("`", "`"))
            .or_else(|| skip_to("{{", "}}"))
            .or_else(|| skip_to("<", ">"))
        {
            i = end;
            continue;
        }
        if bytes[i].is_ascii_digit() {
            let end = crate::segment::number_end(bytes, i);
            out.push(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}
