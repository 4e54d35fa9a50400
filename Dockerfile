# One image for every relwatch service; docker-compose.yml picks the command.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY services ./services
RUN pip install . && useradd --uid 10001 --no-create-home relwatch
COPY seeds ./seeds

USER relwatch
EXPOSE 8000
CMD ["relwatch", "--help"]
