"""Monitoring the Cixi science and technology innovation plan, 2021–2025."""

__version__ = "0.1.0"
