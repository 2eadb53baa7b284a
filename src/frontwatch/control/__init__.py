"""Territorial control: who holds which place, since when, on whose claim."""
