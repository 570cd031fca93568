from .models import model_name


def render(text):
    return "<" + text + " via " + model_name() + ">"
