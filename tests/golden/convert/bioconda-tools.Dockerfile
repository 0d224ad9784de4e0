FROM continuumio/miniconda3
RUN conda config --add channels bioconda && \
    conda config --add channels conda-forge && \
    conda install -y wgsim=1.0 samtools=1.17 pysam=0.21.0
WORKDIR /data
CMD ["wgsim"]
