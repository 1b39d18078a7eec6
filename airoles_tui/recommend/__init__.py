"""The article's role recommender over its rule table, and the skills-matrix exercise."""
