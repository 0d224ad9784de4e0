FROM python:3.9-alpine3.15
RUN apk update && apk add --virtual .build-deps build-base libffi-dev openssl-dev
RUN pip install cryptography==42.0.8 && apk del .build-deps
RUN apk add libffi
CMD ["python3"]
