from .news import ArticleFactory, StaffUserFactory, UserFactory

__all__ = ["ArticleFactory", "StaffUserFactory", "UserFactory"]
