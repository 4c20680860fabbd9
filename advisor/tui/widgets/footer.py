"""The key bar at the bottom of every screen: the focused screen's keys, drawn as one line of one widget.

Textual's Footer is a container that composes empty, then, once the screen's bindings are known, mounts
one FooterKey widget per key, and mounts them all again after each change of the bindings. Every screen
paid for that second mount (CSS for each key widget, layout, a repaint) after its first paint, ~50 ms
during which typed keys waited. This bar draws the same keys, with the same look as the compact Footer, in
its own `render`, at the screen's first paint; it repaints only when the keys it shows change. A click on
a key presses it (as Textual's does); a bar too narrow for its keys cuts them off instead of wrapping.
Binding groups (Textual shows a group's keys together under one label) are not drawn as groups: the
advisor defines none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events
from textual.content import Content
from textual.style import Style as VisualStyle
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


class Key(NamedTuple):
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class Shown(NamedTuple):
    """What the bar shows: the keys from the left, and the command palette's key at the right, if any."""

    keys: tuple[Key, ...]
    palette: Key | None


class Place(NamedTuple):
    """Where a key was drawn: cells start to end (exclusive) of the bar."""

    start: int
    end: int
    key: Key


class KeyFooter(Widget, can_focus=False):
    """The focused screen's keys (those bound with `show=True`) on one line, each one clickable."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "key-footer--disabled",
        "key-footer--hover",
        "key-footer--separator",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--disabled {
            text-style: dim;
        }
        .key-footer--hover {
            background: $block-hover-background;
        }
        .key-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None
        self._places: list[Place] = []
        self._hover: Key | None = None
        self._update_queued = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def shown(self) -> Shown:
        """What the bar would show now: the screen's active bindings with `show=True`, in Textual's order.

        That is one key per action (the first bound to it), then the command palette's key if the app has one.
        """
        screen = self.screen
        app = self.app
        keys: dict[str, Key] = {}
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = Key(
                    binding.key, app.get_key_display(binding), binding.description, enabled, tooltip
                )
        palette: Key | None = None
        if app.ENABLE_COMMAND_PALETTE and (active := screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)):
            _, binding, enabled, _ = active
            tip = binding.tooltip or binding.description
            palette = Key(binding.key, app.get_key_display(binding), binding.description, enabled, tip)
        return Shown(tuple(keys.values()), palette)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # Textual's Footer keeps its keys while the terminal has lost the focus (the focus is then cleared).
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._update_queued:  # a screen sends a burst of these as it opens: one look after the burst
            self._update_queued = True
            self.call_after_refresh(self._update)

    def _update(self) -> None:
        self._update_queued = False
        if not self.is_attached:  # queued before the screen closed
            return
        shown = self.shown()
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def _drawn(self, key: Key, *, ruled: bool = False) -> Content:
        """One key: its key text in the key style and its description after it, dimmed if disabled.

        `ruled`: after a thin rule, which is part of the key (the command palette's, at the right).
        """
        drawn = Content.styled(key.display, self.get_visual_style("footer-key--key"))
        if ruled:  # its colour mixed with the bar's now, so that the key's hover background leaves it as it is
            rule = self.background_colors[1] + self.get_component_styles("key-footer--separator").color
            drawn = Content.styled("▏", VisualStyle(foreground=rule)) + drawn
        if key.description:
            drawn += Content.styled(f" {key.description}", self.get_visual_style("footer-key--description"))
        if not key.enabled:
            drawn = drawn.stylize(self.get_visual_style("key-footer--disabled", partial=True))
        if key == self._hover:
            # Its background as the CSS gives it, to lay over the bar's (a partial visual style dilutes it).
            drawn = drawn.stylize(VisualStyle(background=self.get_component_styles("key-footer--hover").background))
        return drawn

    def render(self) -> Content:
        if self._shown is None:  # the first paint: the keys as they are now (later changes come as signals)
            self._shown = self.shown()
        width = self.size.width
        right = Content("")
        if (palette := self._shown.palette) is not None:  # at the right, after a thin rule
            right = self._drawn(palette, ruled=True) + " "
        room = max(0, width - right.cell_length)  # for the other keys, cut off where it ends
        places: list[Place] = []
        left: list[Content] = []
        at = 0
        for key in self._shown.keys:
            if at >= room:
                break
            drawn = self._drawn(key)
            places.append(Place(at, min(at + drawn.cell_length, room), key))
            left.append(drawn)
            at += drawn.cell_length + 1
        if palette is not None:
            places.append(Place(room, room + right.cell_length - 1, palette))
        self._places = places
        return (Content(" ").join(left).truncate(room, pad=True) + right).truncate(width)

    def _key_at(self, x: int) -> Key | None:
        return next((place.key for place in self._places if place.start <= x < place.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_over(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover_over(None)

    def _hover_over(self, key: Key | None) -> None:
        """Highlight the key under the mouse (none: `None`) and show its tooltip, as Textual's FooterKey does."""
        if key == self._hover:
            return
        self._hover = key
        self.tooltip = (key.tooltip or None) if key is not None else None
        self.styles.pointer = "pointer" if key is not None else "default"
        self.refresh()
