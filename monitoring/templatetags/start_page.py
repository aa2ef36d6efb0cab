"""{% start_page_for user as groups %}: the admin start page's list of what needs doing."""

from django import template

from monitoring.start_page import start_page

register = template.Library()


@register.simple_tag
def start_page_for(user):
    return start_page(user)
