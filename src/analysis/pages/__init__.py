"""What the reports show: a module per notebook (annual, overview, review, trajectories,
scenarios, explorer), built on a base page (`base`) and the formatting of values (`formatting`).
Every word comes from `analysis.texts`."""
