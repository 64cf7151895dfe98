"""One module per family of input formats; each turns bytes into lines or ready-made items."""
