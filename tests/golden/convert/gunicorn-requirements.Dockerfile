FROM python:3.9-slim

ENV APP_HOME /app
WORKDIR $APP_HOME

# Dependencies first, so code edits do not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . ./
EXPOSE 8080
CMD exec gunicorn --bind :$PORT --workers 1 --threads 8 --timeout 0 main:app
