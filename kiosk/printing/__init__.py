"""The ticket desk: store a ticket, print it, record how the print went (layout: printer/)."""
