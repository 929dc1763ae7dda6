"""`tracker serve`: the app in a web browser, behind a sign-in page."""

from __future__ import annotations

import ipaddress

import click

from tracker.cli.common import TrackerCommand, state


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command(
    "serve",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker serve                          http://127.0.0.1:8000 on this machine only
  tracker serve --port 8100 --public-url https://tracker.example.gov.uk
                                         behind a reverse proxy that adds TLS (README)
Each person signs in with their account (tracker users add); each browser tab runs the app as
that person. Sessions end after [serve] idle_minutes without a keystroke (default 30) and
max_hours after sign-in (default 12), or at "Sign out". Stop the server with Ctrl+C.""",
)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (loopback unless behind a proxy).")  # fmt: skip
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="The port to listen on.")  # fmt: skip
@click.option("--public-url", metavar="URL",
              help="The address browsers use (https://... behind a proxy that adds TLS).")  # fmt: skip
def serve(host: str, port: int, public_url: str | None) -> None:
    """Serve the app to web browsers, each person signed in."""
    if public_url is not None and not public_url.startswith(("http://", "https://")):
        raise click.BadParameter(
            f"{public_url!r} is not a web address; give http://HOST[:PORT] or https://HOST",
            param_hint="--public-url",
        )
    if public_url is None and not _loopback(host):
        raise click.BadParameter(
            f"listening on {host} needs the address browsers will use, e.g. "
            "--public-url https://tracker.example.gov.uk (sign-in checks that each form "
            "came from it)",
            param_hint="--public-url",
        )
    cli = state()
    settings = cli.settings()
    tracker = cli.tracker()  # refuses a missing or out-of-date database before serving
    from tracker.web.server import TrackerServer

    TrackerServer(settings, tracker, host=host, port=port, public_url=public_url).serve()
