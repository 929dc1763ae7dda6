"""The app in a browser (`tracker serve`): textual-serve's server, with a sign-in page, a
session cookie and server-side sessions in front of it. Each signed-in browser tab runs the
same Textual app in a process of its own, started with a one-time ticket that the app redeems
for the signed-in account (`tracker app` reads TRACKER_TICKET)."""
