"""Is a host this machine? Used to refuse exposing the app, or a secret, beyond it."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
