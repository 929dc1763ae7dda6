"""Small pieces the app's screens share: text formats, the services handle, form fields."""
