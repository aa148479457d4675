#!/usr/bin/python3
"""Asks the X11 window whose title contains argv[1] to close, as its title bar's close button would."""
import sys

from Xlib import X, display, protocol

screen = display.Display()
wm_protocols = screen.intern_atom("WM_PROTOCOLS")
wm_delete = screen.intern_atom("WM_DELETE_WINDOW")
net_wm_name = screen.intern_atom("_NET_WM_NAME")
utf8 = screen.intern_atom("UTF8_STRING")


def windows(parent):
    for child in parent.query_tree().children:
        yield child
        yield from windows(child)


def title(window):
    named = window.get_full_property(net_wm_name, utf8)
    return named.value.decode("utf-8", "replace") if named else ""


closed = 0
for window in windows(screen.screen().root):
    if sys.argv[1] in title(window) and wm_delete in (window.get_wm_protocols() or []):
        message = protocol.event.ClientMessage(
            window=window, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(message)
        closed += 1
screen.flush()
sys.exit(0 if closed else 1)
