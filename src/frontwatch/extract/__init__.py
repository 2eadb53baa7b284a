"""frontwatch.extract"""
