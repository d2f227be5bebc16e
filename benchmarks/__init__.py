"""Measurements for the README (``make bench``); nothing here asserts a time."""
