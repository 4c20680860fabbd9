"""The only outbound network code in the project: fetching the public catalogs, with a timeout and a size cap.

No other module opens a connection (the CLI tests run every other command with networking disabled).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from advisor import __version__
from advisor.catalogs import huggingface, models_dev, openrouter
from advisor.catalogs.reading import MAX_CATALOG_BYTES
from advisor.catalogs.values import CatalogError

LITELLM_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
CATALOG_URLS = (LITELLM_URL, models_dev.API, models_dev.MODELS, openrouter.URL)
"""What a refresh without --from reads."""
TIMEOUT_S = 20.0
"""Per request: a catalog that has not answered by then is treated as unreachable."""
HF_WORKERS = 8


def fetch(url: str) -> bytes:
    """The body at `url`; CatalogError naming the URL when it cannot be had (offline, refused, too large, not http)."""
    if not url.startswith(("https://", "http://")):
        raise CatalogError(url, "only http(s) URLs are fetched")
    request = Request(url, headers={"User-Agent": f"advisor/{__version__} (kb refresh)"})
    try:
        with urlopen(request, timeout=TIMEOUT_S) as response:
            body: bytes = response.read(MAX_CATALOG_BYTES + 1)
    except HTTPError as exc:
        raise CatalogError(url, f"the server answered {exc.code} {exc.reason}") from None
    except (URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CatalogError(
            url, f"unreachable ({reason}); are you offline? Pass --from FILE to refresh from downloaded catalogs"
        ) from None
    if len(body) > MAX_CATALOG_BYTES:
        raise CatalogError(url, f"answered more than {MAX_CATALOG_BYTES // 2**20} MiB; refused")
    return body


def fetch_model_info(repos: list[str]) -> list[tuple[str, bytes]]:
    """Hugging Face model info for each repo, a few at a time; a repo that is gone or gated is skipped."""

    def one(repo: str) -> tuple[str, bytes] | None:
        url = huggingface.API + repo
        try:
            return url, fetch(url)
        except CatalogError as exc:
            if any(f"answered {code}" in str(exc) for code in (401, 403, 404)):
                return None
            raise

    with ThreadPoolExecutor(max_workers=HF_WORKERS) as pool:
        return [found for found in pool.map(one, repos) if found is not None]
