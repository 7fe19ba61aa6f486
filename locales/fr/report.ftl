# Messages of trame status and trame check.
