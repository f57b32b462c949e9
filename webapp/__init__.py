"""The Streamlit app's helpers: an HTTP client of the SalesTalk API and the answer's presentation.

Nothing here imports Django: the Streamlit app runs anywhere it can reach the API.
"""
