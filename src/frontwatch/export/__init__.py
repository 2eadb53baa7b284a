"""frontwatch.export"""
