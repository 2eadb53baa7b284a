"""Packaged data: lexicons, dictionaries, demo corpus."""
