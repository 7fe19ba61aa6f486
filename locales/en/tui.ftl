# Messages of the terminal interface.
