FROM python:3.12-windowsservercore-ltsc2022
SHELL ["powershell", "-Command"]
RUN pip install --no-cache-dir flask==3.0.3
CMD ["python", "app.py"]
