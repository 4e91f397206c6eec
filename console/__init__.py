"""Contingency Console (应急预案演练控制台).

Digital contingency plans, one-click mobilisation and drills for a township
command centre. The packages below ``views`` are Qt-free.
"""

__version__ = "0.1.0"
