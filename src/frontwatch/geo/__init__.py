"""frontwatch.geo"""
