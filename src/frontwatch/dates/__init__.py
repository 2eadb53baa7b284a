"""frontwatch.dates"""
