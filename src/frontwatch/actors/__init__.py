"""frontwatch.actors"""
