# aiohttp.client_exceptions: the client's exception hierarchy, with the
# attributes and messages aiohttp 3 documents.


class RequestInfo:
    def __init__(self, url, method, headers, real_url=None):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = real_url if real_url is not None else url

    def __repr__(self):
        return (f"RequestInfo(url={self.url!r}, method={self.method!r}, "
                f"headers={self.headers!r}, real_url={self.real_url!r})")


class ClientError(Exception):
    pass


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, code=None, status=None,
                 message="", headers=None):
        self.request_info = request_info
        self.status = status if status is not None else (code if code is not None else 0)
        self.message = message
        self.headers = headers
        self.history = history
        super().__init__(request_info, history, self.status, message, headers)

    def __str__(self):
        url = self.request_info.real_url if self.request_info is not None else ""
        return f"{self.status}, message={self.message!r}, url={str(url)!r}"

    def __repr__(self):
        args = f"{self.request_info!r}, {self.history!r}"
        if self.status != 0:
            args += f", status={self.status!r}"
        if self.message != "":
            args += f", message={self.message!r}"
        if self.headers is not None:
            args += f", headers={self.headers!r}"
        return f"{type(self).__name__}({args})"

    @property
    def code(self):
        return self.status


class ContentTypeError(ClientResponseError):
    pass


class TooManyRedirects(ClientResponseError):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key[0]

    @property
    def port(self):
        return self._conn_key[1]

    @property
    def ssl(self):
        return "default"

    def __str__(self):
        return (f"Cannot connect to host {self.host}:{self.port} ssl:default "
                f"[{self._os_error.strerror or self._os_error}]")


class ServerConnectionError(ClientConnectionError):
    pass


class ServerDisconnectedError(ServerConnectionError):
    def __init__(self, message=None):
        if message is None:
            message = "Server disconnected"
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, TimeoutError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError, ValueError):
    def __init__(self, url):
        super().__init__(url)

    @property
    def url(self):
        return self.args[0]

    def __repr__(self):
        return f"<{self.__class__.__name__} {self.url}>"
