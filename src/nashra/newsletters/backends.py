"""An SMTP email backend that tells the send pipeline when a message passes the point
of no return.

SMTP has one ambiguous moment (RFC 1047): after the client sends the final ``.`` of
DATA and before it reads the server's reply, the server may have accepted the message
although the client cannot know. Before that moment a broken connection means the server
discarded the transaction (RFC 5321 §4.1.1.4), so the message can safely be sent again.
This backend sends the message body and the terminating ``.`` in two writes and calls
``before_commit`` (set by the pipeline per message) between them, so the pipeline can
record "handed over" in the database exactly there. It is Django's SMTP backend in every
other respect (same settings); the pipeline swaps it in for the stock one automatically.
"""

from __future__ import annotations

import contextlib
import smtplib
import socket
from collections.abc import Callable
from typing import Any

from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend

TERMINATOR = b".\r\n"


class _Tracking:
    """Mixin for smtplib.SMTP / SMTP_SSL: split the DATA terminator off and call the
    owner's hook just before it goes out."""

    nashra_owner: Any = None
    committed: bool = False  # the terminator went out (or was about to): outcome unknown on error

    def send(self, s: Any) -> None:
        owner = self.nashra_owner
        if isinstance(s, bytes) and s.endswith(b"\r\n.\r\n") and owner is not None:
            super().send(s[: -len(TERMINATOR)])  # type: ignore[misc]
            hook = owner.before_commit
            if hook is not None:
                hook()
            self.committed = True
            super().send(TERMINATOR)  # type: ignore[misc]
            return
        super().send(s)  # type: ignore[misc]


class TrackingSMTP(_Tracking, smtplib.SMTP):
    pass


class TrackingSMTPSSL(_Tracking, smtplib.SMTP_SSL):
    pass


class SMTPBackend(DjangoSMTPBackend):
    before_commit: Callable[[], None] | None = None

    @property
    def connection_class(self) -> Any:
        return TrackingSMTPSSL if self.use_ssl else TrackingSMTP

    def open(self) -> bool | None:
        opened = super().open()
        if self.connection is not None:
            self.connection.nashra_owner = self
            sock = getattr(self.connection, "sock", None)
            if (
                sock is not None
            ):  # the body and the "." go in two writes: do not let Nagle hold the second
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return opened

    def reset_commit(self) -> None:
        if self.connection is not None:
            self.connection.committed = False

    @property
    def committed(self) -> bool:
        return bool(self.connection is not None and getattr(self.connection, "committed", False))

    def abort(self) -> None:
        """Drop the connection without QUIT (mid-transaction: the server discards it)."""
        if self.connection is not None:
            try:
                self.connection.close()
            finally:
                self.connection = None
