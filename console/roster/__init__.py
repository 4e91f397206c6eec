"""The people and the place: roster, township map, road graph, role resolution. No Qt."""
