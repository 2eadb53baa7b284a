"""Merging: wire copies linked to one story, reports of one event merged into one."""
