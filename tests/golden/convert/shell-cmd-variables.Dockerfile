FROM python:3.12-slim
ARG PORT=8000
ENV PORT=$PORT WORKERS=2
RUN pip install --no-cache-dir "uvicorn[standard]==0.30.1" fastapi==0.111.0
COPY ./app /code/app
HEALTHCHECK --interval=30s CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:$PORT/')"
CMD uvicorn app.main:app --host 0.0.0.0 --port $PORT --workers $WORKERS
