"""The key bar at the bottom of every screen: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys after every change of the screen's bindings, and a screen sends
a burst of those as it opens (each focus change is one): the browser's footer was rebuilt six times in
its first half second, each rebuild ~25 ms of mounting and repainting during which typed keys wait.
Here a rebuild whose keys would be those already shown is skipped, so a burst costs one rebuild at most.
"""

from __future__ import annotations

from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


class KeyFooter(Footer):
    """A Footer that skips rebuilding itself when the keys, their labels and their states are unchanged."""

    def __init__(self, *, compact: bool = True) -> None:
        super().__init__(compact=compact)
        self._shown: Shown | None = None

    def _keys(self) -> Shown:
        """What the footer would show now: each shown binding's key, action, label, state and tooltip."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    async def recompose(self) -> None:
        if not self.is_attached:  # a rebuild queued before the screen closed
            return
        keys = self._keys()
        if keys == self._shown and self.children:
            return
        self._shown = keys
        await super().recompose()
