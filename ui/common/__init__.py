"""Qt pieces shared by every window: start-up, sizes, theme, contrast, background work, live
data, words."""
