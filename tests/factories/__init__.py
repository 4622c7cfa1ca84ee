from .media import PhotoFactory
from .news import ArticleFactory, ArticlePhotoFactory, StaffUserFactory, UserFactory

__all__ = [
    "ArticleFactory",
    "ArticlePhotoFactory",
    "PhotoFactory",
    "StaffUserFactory",
    "UserFactory",
]
